"""Argon2id hashes: verify, refuse wrong and damaged ones, NIST length rules."""

from __future__ import annotations

from dermcharge.security.passwords import (
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)


def test_a_hash_verifies_its_password_only() -> None:
    stored = hash_password("correct horse 🐎")
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored
    assert verify_password(stored, "correct horse 🐎")
    assert not verify_password(stored, "correct horse")
    assert not needs_rehash(stored)


def test_two_hashes_of_one_password_differ_by_salt() -> None:
    assert hash_password("same password") != hash_password("same password")


def test_a_damaged_hash_is_a_mismatch_not_an_exception() -> None:
    assert not verify_password("not a hash", "anything at all")
    assert needs_rehash("not a hash")


def test_length_rules() -> None:
    assert password_problems("short") == ["the password must have at least 8 characters"]
    assert password_problems("        ") == ["the password cannot be only spaces"]
    assert password_problems("x" * 2000)
    assert password_problems("a long passphrase with no rules") == []
