"""Password hashing with Argon2id (argon2-cffi's defaults, RFC 9106's recommended profile).

Length rules follow NIST SP 800-63B §5.1.1.2: at least 8 characters, long passphrases welcome,
no composition rules. The upper bound only keeps a pasted novel from tying up the CPU.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MAX_LENGTH = 1024

_hasher = PasswordHasher()


def password_problems(password: str) -> list[str]:
    """What is wrong with a new password, as sentences; empty when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return [f"the password must have at least {MIN_LENGTH} characters"]
    if len(password) > MAX_LENGTH:
        return [f"the password must have at most {MAX_LENGTH} characters"]
    if not password.strip():
        return ["the password cannot be only spaces"]
    if "\x00" in password:
        return ["the password cannot contain a NUL character"]
    return []


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches; a damaged hash counts as a mismatch, never an exception."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's defaults."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
