"$DCVAL" export --sql postgres
