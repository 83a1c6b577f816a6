"""The state of one window or kiosk without Qt: the library, the open entry and its last good version, history (pair checks included), what a query means for the screen."""
