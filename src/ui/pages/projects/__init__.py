"""项目与路演: proposals, funding rounds, projects, roadshows and their dialogs."""
