from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import scorecard, speakers
from claims.enums import Role
from schemas.records import Scorecard
from schemas.speakers import (
    Merge,
    SpeakerCreate,
    SpeakerOut,
    SpeakerPage,
    SpeakerQuery,
    SpeakerUpdate,
)

blp = Blueprint(
    "speakers",
    __name__,
    url_prefix="/api/v1/speakers",
    description="Who made claims: people, organizations, groups.",
)
ID = "<id:speaker_id>"


@blp.route("")
class Speakers(MethodView):
    @blp.arguments(SpeakerQuery, location="query", unknown=RAISE)
    @blp.response(200, SpeakerPage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """List speakers, newest first; q matches names and aliases"""
        return page_response(speakers.list_speakers(**args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(SpeakerCreate)
    @blp.response(201, SpeakerOut, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Create a speaker (editor)"""
        speaker = speakers.create_speaker(editor=g.editor, **fields)
        return created(speaker, "speakers.Speaker", speaker_id=speaker.id)


@blp.route(f"/{ID}")
class Speaker(MethodView):
    @blp.response(200, SpeakerOut, headers=ETAG_HEADER)
    @problems(blp, (308, *READ))
    def get(self, speaker_id):
        """Read a speaker; a merged speaker redirects (308) to the one it was merged into"""
        return tagged(speakers.get_speaker(speaker_id))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(SpeakerUpdate)
    @blp.response(200, SpeakerOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, speaker_id):
        """Change a speaker (editor)"""
        return tagged(
            speakers.update_speaker(
                speaker_id, editor=g.editor, version=expected_version(), **fields
            )
        )

    @needs(blp, Role.ADMIN, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, speaker_id):
        """Delete a speaker without claims (admin)"""
        speakers.delete_speaker(speaker_id, editor=g.editor, version=expected_version())


@blp.route(f"/{ID}/restore")
class SpeakerRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, SpeakerOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, speaker_id):
        """Restore a deleted speaker (admin)"""
        return tagged(speakers.restore_speaker(speaker_id, editor=g.editor))


@blp.route(f"/{ID}/merge")
class SpeakerMerge(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.arguments(Merge)
    @blp.response(200, SpeakerOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, fields, speaker_id):
        """Merge this speaker into another one (admin); answers with the one that remains"""
        return tagged(speakers.merge_speaker(speaker_id, editor=g.editor, **fields))


@blp.route(f"/{ID}/scorecard")
class SpeakerScorecard(MethodView):
    @blp.response(200, Scorecard)
    @problems(blp, (308, *READ))
    def get(self, speaker_id):
        """The speaker's record: claims by current verdict, disputes, self-contradictions"""
        return scorecard.scorecard(speaker_id, viewer=g.editor)
