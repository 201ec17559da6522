// Derivation of the expected instants and weekdays used by the events tests.
//
// Computed with Python 3.11 and its zoneinfo module (the IANA tz database), independently of
// MarketLink and Foundation. To rerun: copy the script between the markers into a file and run
// `python3 FILE`; its output is the second block. (Kept in a Swift comment so that SwiftPM has no
// unhandled files in the test target.)

/* --- event_instants.py ---
"""Expected instants for the events tests, computed with Python's zoneinfo (IANA tz database),
independently of MarketLink and Foundation. Run: python3 event_instants.py"""
from datetime import datetime, timezone, timedelta, date
from zoneinfo import ZoneInfo

def show(label, dt):
    print(f"{label:55} {int(dt.timestamp()) if dt.timestamp() == int(dt.timestamp()) else dt.timestamp():>14}  {dt.astimezone(timezone.utc).isoformat()}")

ny = ZoneInfo("America/New_York")
sh = ZoneInfo("Asia/Shanghai")
# fixtures/events-timed.csv
show("2023-06-08T10:00+08:00", datetime(2023, 6, 8, 10, 0, tzinfo=timezone(timedelta(hours=8))))
show("2023-06-07 17:00 America/New_York", datetime(2023, 6, 7, 17, 0, tzinfo=ny))
show("2023-03-10T16:30-05:00", datetime(2023, 3, 10, 16, 30, tzinfo=timezone(timedelta(hours=-5))))
show("2023-03-13 15:30 America/New_York", datetime(2023, 3, 13, 15, 30, tzinfo=ny))
show("2023-06-06T07:30:00Z", datetime(2023, 6, 6, 7, 30, tzinfo=timezone.utc))
show("2023-06-09 09:30 +08:00", datetime(2023, 6, 9, 9, 30, tzinfo=timezone(timedelta(hours=8))))
# Other cases in EventFieldReaderTests / EventLogLoadingTests
show("2023-06-06T15:30-04:00", datetime(2023, 6, 6, 15, 30, tzinfo=timezone(timedelta(hours=-4))))
show("2023-06-06T22:30-04:00 (UTC date is the 7th)", datetime(2023, 6, 6, 22, 30, tzinfo=timezone(timedelta(hours=-4))))
show("2023-06-06 15:30 Asia/Shanghai", datetime(2023, 6, 6, 15, 30, tzinfo=sh))
show("2023-06-06T15:30:45.250Z", datetime(2023, 6, 6, 15, 30, 45, 250000, tzinfo=timezone.utc))
show("2023-06-06T15:30+0530", datetime(2023, 6, 6, 15, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))))
show("2023-06-06T15:30 + timezone America/New_York", datetime(2023, 6, 6, 15, 30, tzinfo=ny))
# Daylight saving in New York, 2023: forward 2023-03-12 02:00 EST -> 03:00 EDT; back 2023-11-05 02:00 EDT -> 01:00 EST.
show("2023-03-12 01:59 America/New_York (EST)", datetime(2023, 3, 12, 1, 59, tzinfo=ny))
show("2023-03-12 03:00 America/New_York (EDT)", datetime(2023, 3, 12, 3, 0, tzinfo=ny))
show("2023-11-05 01:30 America/New_York fold=0 (EDT)", datetime(2023, 11, 5, 1, 30, tzinfo=ny, fold=0))
show("2023-11-05 01:30 America/New_York fold=1 (EST)", datetime(2023, 11, 5, 1, 30, tzinfo=ny, fold=1))
# 02:30 on 2023-03-12 does not exist in New York: a round trip through UTC does not give it back.
gap = datetime(2023, 3, 12, 2, 30, tzinfo=ny)
print("2023-03-12 02:30 New York round trip:", gap.astimezone(timezone.utc).astimezone(ny).strftime("%H:%M"), "(not 02:30: skipped)")
# Weekdays of the fixture dates.
for d in ["2022-12-07", "2023-02-03", "2023-03-10", "2023-05-08", "2023-05-11", "2023-05-20", "2023-05-21", "2023-05-25",
          "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09", "2023-06-19", "2023-03-13"]:
    print(d, date.fromisoformat(d).strftime("%A"))
--- output ---
2023-06-08T10:00+08:00                                      1686189600  2023-06-08T02:00:00+00:00
2023-06-07 17:00 America/New_York                           1686171600  2023-06-07T21:00:00+00:00
2023-03-10T16:30-05:00                                      1678483800  2023-03-10T21:30:00+00:00
2023-03-13 15:30 America/New_York                           1678735800  2023-03-13T19:30:00+00:00
2023-06-06T07:30:00Z                                        1686036600  2023-06-06T07:30:00+00:00
2023-06-09 09:30 +08:00                                     1686274200  2023-06-09T01:30:00+00:00
2023-06-06T15:30-04:00                                      1686079800  2023-06-06T19:30:00+00:00
2023-06-06T22:30-04:00 (UTC date is the 7th)                1686105000  2023-06-07T02:30:00+00:00
2023-06-06 15:30 Asia/Shanghai                              1686036600  2023-06-06T07:30:00+00:00
2023-06-06T15:30:45.250Z                                 1686065445.25  2023-06-06T15:30:45.250000+00:00
2023-06-06T15:30+0530                                       1686045600  2023-06-06T10:00:00+00:00
2023-06-06T15:30 + timezone America/New_York                1686079800  2023-06-06T19:30:00+00:00
2023-03-12 01:59 America/New_York (EST)                     1678604340  2023-03-12T06:59:00+00:00
2023-03-12 03:00 America/New_York (EDT)                     1678604400  2023-03-12T07:00:00+00:00
2023-11-05 01:30 America/New_York fold=0 (EDT)              1699162200  2023-11-05T05:30:00+00:00
2023-11-05 01:30 America/New_York fold=1 (EST)              1699165800  2023-11-05T06:30:00+00:00
2023-03-12 02:30 New York round trip: 03:30 (not 02:30: skipped)
2022-12-07 Wednesday
2023-02-03 Friday
2023-03-10 Friday
2023-05-08 Monday
2023-05-11 Thursday
2023-05-20 Saturday
2023-05-21 Sunday
2023-05-25 Thursday
2023-06-06 Tuesday
2023-06-07 Wednesday
2023-06-08 Thursday
2023-06-09 Friday
2023-06-19 Monday
2023-03-13 Monday
--- end --- */
