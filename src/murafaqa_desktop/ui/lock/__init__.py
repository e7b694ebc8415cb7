"""The locked window: first choice of a passphrase, the unlock screen, the
recovery key and recovery code, the offer to encrypt an older database, and
the auto-lock after idle minutes."""
