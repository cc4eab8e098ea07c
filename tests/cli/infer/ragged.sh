# rows no contract accepts are left out, named, and the exit code is 1
cp "$T"/data/* .
"$DCVAL" infer ragged.csv
