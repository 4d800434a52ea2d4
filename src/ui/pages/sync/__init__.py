"""数据同步: bundles in and out, keys, the exchange history."""
