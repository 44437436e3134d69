from .bulk import bulk_statements
