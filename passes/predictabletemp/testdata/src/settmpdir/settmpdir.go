package settmpdir
