"""ADIZ Viewer: offline map of the air-defence identification zones around Taiwan, with replay."""

__version__ = "0.1.0"
