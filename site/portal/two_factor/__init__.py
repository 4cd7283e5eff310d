"""Staff two-factor authentication (ADR 0037): a TOTP app, 10 single-use recovery codes,
a verify step after the password, and who must enrol (django-otp underneath)."""
