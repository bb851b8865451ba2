"""False positives on ordinary names in other scripts: 25 common surnames x 25 common given names
each of Korean (in Hangul, and in Latin as the North's romanisation writes them) and Arabic
(a given name and a family name with the article), screened with ScreenParty as persons; prints
how many answers are CLEAR, REVIEW and BLOCK. The README's figures ("An outside name-pair
benchmark") were measured with it, against a server on the full lists with --regime all and
with the default --regime belarus.

    pip install grpcio grpcio-tools
    mkdir -p scripts/messages/out && python3 -m grpc_tools.protoc -Iproto \
      --python_out=scripts/messages/out --grpc_python_out=scripts/messages/out proto/screening/v1/screening.proto
    python3 scripts/ordinary-names.py 127.0.0.1:50051
"""
import collections
import itertools
import os
import sys

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "messages", "out"))
from screening.v1 import screening_pb2 as pb, screening_pb2_grpc as pbg  # noqa: E402

KOREAN_SURNAMES = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손".split()
KOREAN_GIVEN = ("민준 서연 지훈 수빈 현우 지민 예준 하은 도윤 서준 민서 지우 시우 유진 은지 성민 영호 정호 미경 혜진 "
                "상철 경수 동현 재영 승민").split()
ARABIC_GIVEN = ("محمد أحمد علي حسن حسين عمر خالد يوسف إبراهيم مصطفى سعيد كريم طارق سامي رامي فادي وليد ماجد نبيل "
                "هشام زياد باسل أنس حمزة ياسر").split()
ARABIC_FAMILY = ("الحسيني الخطيب المصري الشامي العلي الحلبي الزعبي النجار الحداد السيد الكردي العمري التميمي الشمري "
                 "الدوسري القحطاني الغامدي الزهراني العتيبي المطيري البغدادي الجبوري الربيعي العبيدي الساعدي").split()

# McCune-Reischauer as the DPRK writes it, our own table: initials, vowels, finals of a syllable.
INITIALS = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
VOWELS = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u",
          "ui", "i"]
FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
          "t", "t", "k", "t", "p", "t"]


def latin(hangul):
    out = []
    for c in hangul:
        i = ord(c) - 0xAC00
        out.append((INITIALS[i // 588] + VOWELS[(i // 28) % 21] + FINALS[i % 28]).capitalize())
    return " ".join(out)


def main():
    stub = pbg.ScreeningServiceStub(grpc.insecure_channel(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051"))
    korean = [s + g for s, g in itertools.product(KOREAN_SURNAMES, KOREAN_GIVEN)]
    sets = {
        "Korean, Latin": [latin(n) for n in korean],
        "Korean, Hangul": korean,
        "Arabic script": [f"{g} {f}" for g, f in itertools.product(ARABIC_GIVEN, ARABIC_FAMILY)],
    }
    for label, names in sets.items():
        counts = collections.Counter()
        for name in names:
            r = stub.ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=name, type=pb.PERSON)))
            counts[pb.Decision.Name(r.decision)] += 1
        print(f"{label:16} {len(names)} names: {dict(counts)}")


if __name__ == "__main__":
    main()
