// Placeholder: the ConvMatrix target's sources arrive in the next commits.
