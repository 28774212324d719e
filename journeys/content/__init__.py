"""Content: Markdown with GOV.UK styles and `!!!` GOV.UK components, for .md pages and flow pages."""
