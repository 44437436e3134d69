from . import retail_gift_registry_report
