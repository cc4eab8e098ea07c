cat >c.yaml <<'Y'
contract: t
columns:
  - {name: note, type: string}
  - {name: token, type: string, sensitive: true}
rules:
  - name: token_not_in_note
    check: note == token or len(note) < 3
Y
printf 'note,token\nthe quick brown fox jumps over the lazy dog and keeps on running far away,s3cr3t-value\nhello,s3cr3t-value\n' >d.csv
"$DCVAL" validate -c c.yaml -r jsonl d.csv
