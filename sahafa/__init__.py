"""Sahafa (صحافة): an Arabic-first news publishing platform."""
