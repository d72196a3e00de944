"""One router per resource; ``confiance.api.main`` mounts them under /api/v1/."""
