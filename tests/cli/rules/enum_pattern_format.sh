cat >c.yaml <<'Y'
contract: t
columns:
  - {name: kind, type: string, enum: [click, view]}
  - {name: code, type: string, pattern: '[A-Z]{2}'}
  - {name: email, type: string, format: email}
  - {name: id, type: string, format: uuid}
  - {name: ip, type: string, format: ipv4}
  - {name: level, type: integer, enum: [1, 2, 3]}
Y
cat >in.csv <<'D'
kind,code,email,id,ip,level
click,DE,a@example.com,3f2b8c1e-9a4d-4e2b-8f1a-2c3d4e5f6a7b,10.0.0.1,1
Click,DEU,a@@example.com,3f2b8c1e9a4d4e2b8f1a2c3d4e5f6a7b,256.0.0.1,4
view,de,a@example,3F2B8C1E-9A4D-4E2B-8F1A-2C3D4E5F6A7B,01.2.3.4,+2
D
"$DCVAL" validate -c c.yaml in.csv
