"""证书打印: print runs, the certificate register, reprints and revocation."""
