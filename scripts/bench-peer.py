# Runs spy-pixel-finder (martbock/spy-pixel-finder, MIT, Python + BeautifulSoup) on a folder of
# .eml files, as npm run bench's peer. Its main.py is not part of this project: pass its path.
# Usage: python3 bench-peer.py path/to/main.py folder
#
# The script reads "emails/*.eml" from the working folder and writes results.csv there, so it
# runs in a temporary folder whose "emails" is a link to the folder measured. It calls
# DataFrame.append, which pandas 2 removed (the script then stops at its first pixel, which is
# how it "crashes before writing its results"): when missing, append is put back as the
# pd.concat it was, so that the script does its whole job and the time is for all of it.
import os
import runpy
import sys
import tempfile

import warnings

import pandas

script, folder = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

# pandas 1.4 and 1.5 warn on every append, on stderr: noise the script did not make when written.
warnings.simplefilter("ignore", FutureWarning)
if not hasattr(pandas.DataFrame, "append"):
    def append(self, row, ignore_index=False):
        return pandas.concat([self, pandas.DataFrame([row])], ignore_index=ignore_index)
    pandas.DataFrame.append = append

with tempfile.TemporaryDirectory() as cwd:
    os.symlink(folder, os.path.join(cwd, "emails"))
    os.chdir(cwd)
    # Its per-file progress lines are part of its work; they go nowhere, as ours do with -q.
    sys.stdout = open(os.devnull, "w")
    runpy.run_path(script, run_name="__main__")
    sys.stdout.close()
    sys.stdout = sys.__stdout__
    with open("results.csv") as f:
        print(sum(1 for _ in f) - 1)
