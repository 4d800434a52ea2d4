"""爱心存折: the counter, the passbook list, catalog and rules, and their dialogs."""
