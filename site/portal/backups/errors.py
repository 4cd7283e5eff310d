"""The one error backups and restores raise: its message is shown to the operator as is."""


class BackupError(Exception):
    pass
