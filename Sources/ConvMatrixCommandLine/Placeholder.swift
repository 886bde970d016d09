// Placeholder: the ConvMatrixCommandLine target's sources arrive in the next commits.
