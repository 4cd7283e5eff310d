"""Register exchange: export to CSV/XLSX and import with a dry-run preview."""
