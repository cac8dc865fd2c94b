"""Services: the one layer every front (CLI, API, web, batch) calls."""
