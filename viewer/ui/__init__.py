"""Qt widgets for the viewer: no parsing, no file formats; all content comes from viewer.core."""
