"""Attribution: quotations with cue, speaker and content."""
