"""系统管理: users, the journal (操作日志), settings and backups, one tab each."""
