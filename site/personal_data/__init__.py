"""Personal data encrypted at rest (ADR 0038).

- `keys`: the Fernet keys and the HMAC key from settings; encrypt, decrypt, digest.
- `fields`: model fields that store ciphertext, and the keyed-digest and mask columns
  derived from them on every save.
- `checks`: the startup check that the configured keys can read the stored data.
- `rotation`: re-encrypting every stored value with the first key.
- `masks`: what ID numbers and phones look like in lists (138****1234).
"""
