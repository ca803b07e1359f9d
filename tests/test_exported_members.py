"""The package's public names are pinned: adding or removing one is a deliberate act."""

import truceline


def test_public_api() -> None:
    assert set(truceline.__all__) == {
        "AgreementFileError",
        "Dossier",
        "DossierFileError",
        "ExtractionError",
        "ImportReport",
        "IngestError",
        "ReviewError",
        "StoreError",
        "TrucelineError",
        "__version__",
    }
    for name in truceline.__all__:
        assert hasattr(truceline, name)
