"""What a code family contributes while a visit is being coded: draft lines, codes left off, findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from dermcharge.domain.claim import Finding, NotBilled, Severity

EM = None  # the procedure "index" that stands for the E/M service


@dataclass
class DraftLine:
    code: str
    units: int
    procedures: tuple[int | None, ...]
    diagnoses: list[str]
    why: str
    add_on: bool = False
    modifiers: list[str] = field(default_factory=list)
    # Codes billed once per visit from a count (17003, 11201 ...) carry all their lesions'
    # diagnoses on one line; per-lesion codes may be split to keep four pointers a line.
    per_lesion: bool = True


@dataclass
class Draft:
    lines: list[DraftLine] = field(default_factory=list)
    not_billed: list[NotBilled] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def bill(self, line: DraftLine) -> None:
        self.lines.append(line)

    def leave_off(self, code: str, why: str, procedures: tuple[int | None, ...] = ()) -> None:
        self.not_billed.append(NotBilled(code, why, procedures))

    def find(
        self,
        severity: Severity,
        check: str,
        message: str,
        procedures: tuple[int, ...] = (),
        source: str = "",
        action: str = "",
    ) -> None:
        self.findings.append(
            Finding(
                severity=severity,
                check=check,
                message=message,
                procedures=procedures,
                source=source,
                action=action,
            )
        )
