"""统计报表: monthly and yearly reports, previewed and exported."""
