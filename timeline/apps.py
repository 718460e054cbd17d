from django.apps import AppConfig


class TimelineConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline"
    verbose_name = "Conflict Timeline"

    def ready(self) -> None:
        # Writes of an event's actors and excerpts change the event's version, whatever
        # makes them (services/links.py).
        from timeline.services import links

        links.connect()
