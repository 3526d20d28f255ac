"""Who may use dermcharge and what each role may do: pure policy, password hashing, idle lock."""
