"""Claims admin: review queue, claims, verdicts, speakers, stances."""
