"""Hand-made variations of a real archive: tampered, truncated, edited manifests."""

import io
import json
import tarfile


def rewrite_archive(source, target, change):
    """A copy of an archive with `change(members)` applied: members is a list of
    [TarInfo, bytes] in order, which `change` may edit, drop or extend."""
    members = []
    with tarfile.open(source, "r:gz") as tar:
        for info in tar:
            members.append([info, tar.extractfile(info).read()])
    change(members)
    with tarfile.open(target, "w:gz") as tar:
        for info, data in members:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def edit_manifest(edit):
    """A `change` for rewrite_archive that edits the manifest's JSON in place."""

    def change(members):
        for member in members:
            if member[0].name == "manifest.json":
                document = json.loads(member[1])
                edit(document)
                member[1] = json.dumps(document).encode()

    return change
