"""Random sessions of the real wizard: a child that runs them and a parent that restarts it after a crash."""
