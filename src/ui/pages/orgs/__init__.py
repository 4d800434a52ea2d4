"""组织档案: the organization list, one organization's file and the dialogs that edit it."""
