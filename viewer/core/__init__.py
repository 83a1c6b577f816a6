"""The content library: reads a folder of pages into entries and problems. No Qt here."""
