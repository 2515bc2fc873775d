"""The reader: question analysis, answer candidates, their ranking, and when to decline."""

from qa.reader.policy import DeclinePolicy, Support
from qa.reader.reader import Reader, Reading
from qa.reader.weights import ReaderWeights

__all__ = ["DeclinePolicy", "Reader", "ReaderWeights", "Reading", "Support"]
