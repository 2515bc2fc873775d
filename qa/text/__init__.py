"""Text shared by every stage: width/script folding that keeps offsets, sentence splitting, search words."""
