"""The whole schema on one metadata: models.py and the table modules beside it. Import this
where every table must be known (the migrations' environment, the schema comparison); a
repository imports only the rows it uses."""

from __future__ import annotations

from dermcharge.storage import claim_models, estimate_models, pathology_models, user_models
from dermcharge.storage.models import Base

TABLE_MODULES = (claim_models, estimate_models, pathology_models, user_models)
metadata = Base.metadata
