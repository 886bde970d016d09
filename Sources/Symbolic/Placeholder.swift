// Placeholder: the Symbolic target's sources arrive in the next commits.
