"""Live feeds: receivers and networks read as they send, recorded, and handed to the core's
`viewer.core.live_store.LiveTrackStore` and `viewer.core.live_alerts.ZoneAlerter`.

- `sources`: the feed URLs (``sbs://host:30003``, ``beast://``, ``nmea+udp://``, ``nmea+tcp://``,
  ``cot+udp://``, ``cot+tcp://``, ``https://`` polled JSON) parsed into a `FeedSpec`;
- `protocols`, `beast`, `opensky`: bytes -> messages (what is recorded) -> fixes, one decoder
  per protocol, stateful, counting what they skip and why;
- `transport`: a thread per feed that connects or listens, reconnects with exponential backoff,
  rate-limits a flood, records as it reads and says how it is doing (`FeedStatus`);
- `recorder`: every message written as it arrives, rotated by hour, plus a CSV of the fixes;
- `hub`: `LiveHub`, what the command line and the window drive: ``poll()`` moves the fixes into
  the store and returns the new alerts and each feed's status.
"""
