module goldencheck

go 1.19
