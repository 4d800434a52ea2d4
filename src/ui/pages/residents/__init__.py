"""居民与需求: residents and the skills register, the needs board, and their dialogs."""
