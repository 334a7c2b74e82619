package chdir
