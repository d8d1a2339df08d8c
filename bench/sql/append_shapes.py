#!/usr/bin/env python3
"""Writes N hot-event append transactions, as the service sends them, in one statement shape (see README.md).

usage: append_shapes.py SHAPE TRANSACTIONS [BOOKINGS_PER_TRANSACTION]

SHAPE is 'shipped' or 'shipped' plus '-'-joined variations:
  timestamp  every time as timestamp('...'), as MySqlConnector renders a DateTime (the script before dffcfae)
  select     the first position read by SELECT LAST_INSERT_ID() - n before COMMIT (the script before dffcfae)
  literal    positions as number literals instead of LAST_INSERT_ID() - k (not a correct append: its floor)
  jsontable  documents and events inserted from JSON_TABLE over one JSON string each, instead of VALUES rows
  block      the script as one anonymous compound statement (BEGIN NOT ATOMIC ... END), checks as IF ... SIGNAL
  onestream  the stream row's UPDATE without CASE and IN, as it could be written for one stream
"""
import json
import sys
import uuid

shape, transactions = sys.argv[1], int(sys.argv[2])
per = int(sys.argv[3]) if len(sys.argv) > 3 else 30
flags = set(shape.split('-')[1:])
unknown = flags - {'timestamp', 'select', 'literal', 'jsontable', 'block', 'onestream'}
if not shape.startswith('shipped') or unknown:
    sys.exit(f"unknown shape {shape}")

time = "'2026-12-01 23:55:34.629573'"
now = f"timestamp({time})" if 'timestamp' in flags else time
stream = "'ticketed-event-1'"
guard = "SET @es_guard = (SELECT 1 UNION ALL SELECT 2 FROM DUAL WHERE ROW_COUNT() <> 1);"
block_guard = "IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '45000' SET MYSQL_ERRNO = 1242, MESSAGE_TEXT = 'A stream is not at its expected version.'; END IF;"
upsert = "ON DUPLICATE KEY UPDATE data = VALUES(data), stream_version = VALUES(stream_version), updated_at = VALUES(updated_at);"


def text(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def compact(value):
    return json.dumps(value, separators=(',', ':'))


def transaction(previous):
    new = previous + per
    users = [10_100_000_000 + previous + i for i in range(per)]
    status = compact({"eventId": 1, "eventName": "hot", "totalTickets": 1_000_000, "availableTickets": 1_000_000 - new,
                      "waitingListCount": 0, "version": new, "salesOpen": True})
    documents = [("ticketed-event-status", "0000000000000000001", status)] + [
        ("ticketed-event-seats", f"0000000000000000001/booked/{previous + 1 + i:019d}",
         compact({"eventId": 1, "userId": users[i], "status": "booked", "version": previous + 1 + i})) for i in range(per)]
    events = [(uuid.uuid4().hex, "TicketBooked", compact({"user": users[i]}), uuid.uuid4().hex, uuid.uuid4().hex) for i in range(per)]

    update = (f"UPDATE streams SET version = {new}, updated_at = {now} WHERE stream_id = {stream} AND version = {previous};" if 'onestream' in flags
              else f"UPDATE streams SET version = CASE stream_id WHEN {stream} THEN {new} END, updated_at = CASE stream_id WHEN {stream} THEN {now} END "
                   f"WHERE stream_id IN ({stream}) AND version = CASE stream_id WHEN {stream} THEN {previous} END;")
    sql = [update, block_guard if 'block' in flags else guard]
    columns = "INSERT INTO documents (projection, id, data, stream_version, updated_at)"
    if 'jsontable' in flags:
        rows = compact([{"p": p, "i": i, "d": d} for p, i, d in documents])
        sql.append(f"{columns} SELECT j.p, j.i, j.d, {new}, {now} FROM JSON_TABLE({text(rows)}, '$[*]' COLUMNS(p VARCHAR(100) PATH '$.p', "
                   f"i VARCHAR(250) PATH '$.i', d LONGTEXT PATH '$.d')) j {upsert}")
    else:
        sql.append(f"{columns} VALUES " + ",".join(f"({text(p)}, {text(i)}, {text(d)}, {new}, {now})" for p, i, d in documents) + f" {upsert}")
    sql.append(f"UPDATE event_positions SET last = LAST_INSERT_ID(last + {per}) WHERE id = 1;")
    columns = "INSERT INTO events (position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at)"
    if 'jsontable' in flags:
        rows = compact([{"i": e[0], "t": e[1], "d": e[2], "c": e[3], "k": e[4]} for e in events])
        sql.append(f"{columns} SELECT LAST_INSERT_ID() - {per} + j.n, UNHEX(j.i), {stream}, {previous} + j.n, j.t, j.d, UNHEX(j.c), UNHEX(j.k), {now} "
                   f"FROM JSON_TABLE({text(rows)}, '$[*]' COLUMNS(n FOR ORDINALITY, i CHAR(32) PATH '$.i', t VARCHAR(100) PATH '$.t', "
                   f"d LONGTEXT PATH '$.d', c CHAR(32) PATH '$.c', k CHAR(32) PATH '$.k')) j;")
    else:
        def position(k):
            return str(previous + 1 + k) if 'literal' in flags else f"LAST_INSERT_ID() - {per - 1 - k}"
        sql.append(f"{columns} VALUES " + ",".join(
            f"({position(k)},X'{e[0]}',{stream},{previous + 1 + k},{text(e[1])},{text(e[2])},X'{e[3]}',X'{e[4]}',{now})"
            for k, e in enumerate(events)) + ";")
    if 'select' in flags or 'block' in flags:
        sql.append(f"SELECT LAST_INSERT_ID() - {per - 1};")
    body = " ".join(sql)
    return f"BEGIN NOT ATOMIC START TRANSACTION; {body} COMMIT; END//" if 'block' in flags else f"START TRANSACTION; {body} COMMIT;"


if 'block' in flags:
    print("DELIMITER //")
for t in range(transactions):
    print(transaction(t * per))
