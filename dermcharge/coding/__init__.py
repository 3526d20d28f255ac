"""The coding engine: a captured visit in, the claim a certified coder would write out."""
