# dcval merge --help: usage, options, exit codes.
"$DCVAL" merge --help
echo "exit $?"
"$DCVAL" --help | grep merge
