<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 प्रविष्टि</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} प्रविष्टियाँ</translation>
    </message>
    <message>
        <source>{0}, {1}, newest page saved {2}</source>
        <translation>{0}, {1}, सबसे नया पन्ना {2} को सहेजा गया</translation>
    </message>
    <message>
        <source>the program is under the MIT licence; the bundled pages are under Creative Commons Attribution 4.0 (CC BY 4.0). Qt for Python (PySide6 {0}) is used under the GNU LGPL version 3.</source>
        <translation>प्रोग्राम MIT लाइसेंस के अंतर्गत है; साथ आए पन्ने Creative Commons Attribution 4.0 (CC BY 4.0) के अंतर्गत हैं। Qt for Python (PySide6 {0}) का उपयोग GNU LGPL संस्करण 3 के अंतर्गत होता है।</translation>
    </message>
    <message>
        <source>An offline viewer for drug-combination pages. It opens no network connection.</source>
        <translation>दवा-संयोजन पन्नों के लिए ऑफ़लाइन व्यूअर। यह कोई नेटवर्क कनेक्शन नहीं खोलता।</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>सामग्री:</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>लाइसेंस:</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>the page</source>
        <translation>पन्ना</translation>
    </message>
    <message>
        <source>Scroll {0}</source>
        <translation>{0} स्क्रॉल करें</translation>
    </message>
    <message>
        <source>Scroll {0} sideways</source>
        <translation>{0} को बगल में स्क्रॉल करें</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>Two</source>
        <translation>दो</translation>
    </message>
    <message>
        <source>Three</source>
        <translation>तीन</translation>
    </message>
    <message>
        <source>Four</source>
        <translation>चार</translation>
    </message>
    <message>
        <source>Five</source>
        <translation>पाँच</translation>
    </message>
    <message>
        <source> and </source>
        <translation> और </translation>
    </message>
    <message>
        <source>{0} {1}s: {2}.</source>
        <translation>{0} {1} दवाएँ: {2}।</translation>
    </message>
    <message>
        <source>Both contain {0}: {1}.</source>
        <translation>दोनों में {0} है: {1}।</translation>
    </message>
    <message>
        <source>All {0} contain {1}: {2}.</source>
        <translation>सभी {0} में {1} है: {2}।</translation>
    </message>
    <message>
        <source>“{0}” as {1}</source>
        <translation>“{0}” को {1}</translation>
    </message>
    <message>
        <source>Read {0}.</source>
        <translation>{0} पढ़ा गया।</translation>
    </message>
    <message>
        <source>The check below leaves it out.</source>
        <translation>नीचे की जाँच में यह शामिल नहीं है।</translation>
    </message>
    <message>
        <source>The check below leaves them out.</source>
        <translation>नीचे की जाँच में ये शामिल नहीं हैं।</translation>
    </message>
    <message>
        <source>The results below leave it out.</source>
        <translation>नीचे के परिणामों में यह शामिल नहीं है।</translation>
    </message>
    <message>
        <source>The results below leave them out.</source>
        <translation>नीचे के परिणामों में ये शामिल नहीं हैं।</translation>
    </message>
    <message>
        <source>Not in this reference: {0}.</source>
        <translation>इस संदर्भ में नहीं: {0}।</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Drug Combination Reference</source>
        <translation>दवा संयोजन संदर्भ</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch to start</source>
        <translation>शुरू करने के लिए छुएँ</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Each pair is looked up on its own. Three or more medicines together can carry risks that no single pair shows: ask a pharmacist to review them all.</source>
        <translation>हर जोड़ी अलग से देखी जाती है। तीन या अधिक दवाएँ साथ लेने में ऐसे जोखिम हो सकते हैं जो किसी एक जोड़ी में नहीं दिखते: सभी दवाओं की जाँच किसी फार्मासिस्ट से करवाएँ।</translation>
    </message>
    <message>
        <source>This pair is looked up as its pages state it. Ask a pharmacist if you are unsure.</source>
        <translation>यह जोड़ी वैसे ही दिखाई गई है जैसे उसके पन्ने बताते हैं। संदेह हो तो फार्मासिस्ट से पूछें।</translation>
    </message>
    <message>
        <source>Medicines checked</source>
        <translation>जाँची गई दवाएँ</translation>
    </message>
    <message>
        <source>About this check</source>
        <translation>इस जाँच के बारे में</translation>
    </message>
    <message>
        <source>What the check found first</source>
        <translation>जाँच में पहले क्या मिला</translation>
    </message>
    <message>
        <source>Open the entry.</source>
        <translation>प्रविष्टि खोलें।</translation>
    </message>
    <message>
        <source>{0} — open the entry</source>
        <translation>{0} — प्रविष्टि खोलें</translation>
    </message>
</context>
<context>
    <name>Chips</name>
    <message>
        <source>My medicines</source>
        <translation>मेरी दवाएँ</translation>
    </message>
    <message>
        <source>My medicines:</source>
        <translation>मेरी दवाएँ:</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>अभी कोई नहीं</translation>
    </message>
    <message>
        <source>+ Add another</source>
        <translation>+ एक और जोड़ें</translation>
    </message>
    <message>
        <source>Add another medicine</source>
        <translation>एक और दवा जोड़ें</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} हटाएँ</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The full-text index was damaged; it is being rebuilt. Title search works meanwhile.</source>
        <translation>पूरे पाठ की खोज का इंडेक्स खराब हो गया था; उसे फिर से बनाया जा रहा है। तब तक शीर्षक से खोज काम करती है।</translation>
    </message>
    <message>
        <source>No entry answers this search on its own: choose one from the list.</source>
        <translation>कोई एक प्रविष्टि इस खोज का पूरा उत्तर नहीं है: सूची में से एक चुनें।</translation>
    </message>
    <message>
        <source>This page was removed from the content folder. Showing the last version read.</source>
        <translation>यह पन्ना सामग्री फ़ोल्डर से हटा दिया गया है। पिछली बार पढ़ा गया रूप दिखाया जा रहा है।</translation>
    </message>
</context>
<context>
    <name>DisclaimerBanner</name>
    <message>
        <source>Medical disclaimer</source>
        <translation>चिकित्सा अस्वीकरण</translation>
    </message>
    <message>
        <source>&lt;b&gt;Important:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;ज़रूरी:&lt;/b&gt; {0}</translation>
    </message>
</context>
<context>
    <name>Entry</name>
    <message>
        <source>Warning</source>
        <translation>चेतावनी</translation>
    </message>
    <message>
        <source>{0} (from this page)</source>
        <translation>{0} (इस पन्ने से)</translation>
    </message>
    <message>
        <source>No answer is given on this page.</source>
        <translation>इस पन्ने पर कोई उत्तर नहीं दिया गया है।</translation>
    </message>
    <message>
        <source>This page has no {0} section of its own; it gives {1} for each of {2}, under More.</source>
        <translation>इस पन्ने में अपना अलग {0} खंड नहीं है; यह {2} में से हर एक के लिए {1} &quot;और&quot; के अंतर्गत देता है।</translation>
    </message>
    <message>
        <source>This page has no {0} section. Ask a pharmacist or doctor if you need this information.</source>
        <translation>इस पन्ने में {0} खंड नहीं है। यह जानकारी चाहिए तो फार्मासिस्ट या डॉक्टर से पूछें।</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>गंभीरता:</translation>
    </message>
    <message>
        <source>Watch for:</source>
        <translation>ध्यान दें:</translation>
    </message>
    <message>
        <source>Reviewed {0}</source>
        <translation>समीक्षा: {0}</translation>
    </message>
    <message>
        <source>Updated {0}</source>
        <translation>अद्यतन: {0}</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>स्रोत:</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>परिचय</translation>
    </message>
</context>
<context>
    <name>EntryListPanel</name>
    <message>
        <source>Search: drug, brand or two drugs…</source>
        <translation>खोजें: दवा, ब्रांड या दो दवाएँ…</translation>
    </message>
    <message>
        <source>Search combinations</source>
        <translation>संयोजन खोजें</translation>
    </message>
    <message>
        <source>Type drug names in any order; Down moves into the list, Enter opens</source>
        <translation>दवाओं के नाम किसी भी क्रम में लिखें; Down सूची में ले जाता है, Enter खोलता है</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>खोज मिटाएँ</translation>
    </message>
    <message>
        <source>Clear search (Esc)</source>
        <translation>खोज मिटाएँ (Esc)</translation>
    </message>
    <message>
        <source>Number of combinations shown</source>
        <translation>दिखाए गए संयोजनों की संख्या</translation>
    </message>
    <message>
        <source>What the search understood</source>
        <translation>खोज ने क्या समझा</translation>
    </message>
    <message>
        <source>Combinations</source>
        <translation>संयोजन</translation>
    </message>
    <message>
        <source>{0} of {1} · searching the text…</source>
        <translation>{1} में से {0} · पाठ में खोज जारी…</translation>
    </message>
    <message>
        <source>Searching the text…</source>
        <translation>पाठ में खोज जारी…</translation>
    </message>
    <message>
        <source>First {0} matches (more pages hold these words)</source>
        <translation>पहले {0} मिलान (और पन्नों में भी ये शब्द हैं)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1} में से {0}</translation>
    </message>
    <message>
        <source>{0} combinations</source>
        <translation>{0} संयोजन</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <source>No entry open</source>
        <translation>कोई प्रविष्टि खुली नहीं है</translation>
    </message>
    <message>
        <source>Drugs in this combination</source>
        <translation>इस संयोजन की दवाएँ</translation>
    </message>
    <message>
        <source>Warning about this page</source>
        <translation>इस पन्ने के बारे में चेतावनी</translation>
    </message>
    <message>
        <source>Generic name and introduction</source>
        <translation>जेनेरिक नाम और परिचय</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>खंड</translation>
    </message>
    <message>
        <source>No safety notes on this page</source>
        <translation>इस पन्ने पर सुरक्षा संबंधी कोई टिप्पणी नहीं</translation>
    </message>
    <message>
        <source>Ingredients: {0}</source>
        <translation>घटक: {0}</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>घटक</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this entry</source>
        <translation>इस प्रविष्टि में ढूँढें</translation>
    </message>
    <message>
        <source>Matches found</source>
        <translation>मिले हुए मिलान</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>पिछला</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>अगला</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>ढूँढें:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>नहीं मिला</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1} में से {0}</translation>
    </message>
</context>
<context>
    <name>Finder</name>
    <message>
        <source>Medicine name</source>
        <translation>दवा का नाम</translation>
    </message>
    <message>
        <source>Tap the first letters of a medicine&apos;s name</source>
        <translation>दवा के नाम के पहले अक्षर दबाएँ</translation>
    </message>
    <message>
        <source>Suggested medicines</source>
        <translation>सुझाई गई दवाएँ</translation>
    </message>
    <message>
        <source>Find your medicine: tap the first letters of its name, then tap the name.</source>
        <translation>अपनी दवा खोजें: उसके नाम के पहले अक्षर दबाएँ, फिर नाम पर टैप करें।</translation>
    </message>
    <message>
        <source>{0} is in your list; its combinations are on the left. Add another medicine to see the two together.</source>
        <translation>{0} आपकी सूची में है; इसके संयोजन बाईं ओर हैं। दोनों को साथ देखने के लिए एक और दवा जोड़ें।</translation>
    </message>
    <message>
        <source>Add another medicine to check it with the others.</source>
        <translation>बाकी दवाओं के साथ जाँचने के लिए एक और दवा जोड़ें।</translation>
    </message>
</context>
<context>
    <name>FolderStatus</name>
    <message>
        <source>The content folder cannot be read ({0}). Showing the pages read before; the list follows again when the folder is back.</source>
        <translation>सामग्री फ़ोल्डर पढ़ा नहीं जा सकता ({0})। पहले पढ़े गए पन्ने दिखाए जा रहे हैं; फ़ोल्डर लौटने पर सूची फिर से अद्यतन होगी।</translation>
    </message>
    <message>
        <source>The content folder is back; the list is up to date.</source>
        <translation>सामग्री फ़ोल्डर वापस आ गया है; सूची अद्यतन है।</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;How to use</source>
        <translation>उपयोग कैसे करें (&amp;H)</translation>
    </message>
    <message>
        <source>How to use</source>
        <translation>उपयोग कैसे करें</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>{0} के बारे में (&amp;A)</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>{0} के बारे में</translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <source>The cache folder could not keep the full-text index ({reason}); full-text search works from memory this time.</source>
        <translation>कैश फ़ोल्डर पूरे पाठ की खोज का इंडेक्स नहीं रख सका ({reason}); इस बार पूरे पाठ की खोज मेमोरी से काम करेगी।</translation>
    </message>
    <message>
        <source>Indexing page text for full-text search: {0} of {1}</source>
        <translation>पूरे पाठ की खोज के लिए पन्नों का इंडेक्स बन रहा है: {1} में से {0}</translation>
    </message>
    <message>
        <source>Full-text search is ready.</source>
        <translation>पूरे पाठ की खोज तैयार है।</translation>
    </message>
    <message>
        <source>Full-text search is unavailable: {0}</source>
        <translation>पूरे पाठ की खोज उपलब्ध नहीं है: {0}</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Keyboard</source>
        <translation>कीबोर्ड</translation>
    </message>
    <message>
        <source>Letter {0}</source>
        <translation>अक्षर {0}</translation>
    </message>
    <message>
        <source>Digit {0}</source>
        <translation>अंक {0}</translation>
    </message>
    <message>
        <source>Delete a letter</source>
        <translation>एक अक्षर मिटाएँ</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>स्पेस</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch to look up a combination</source>
        <translation>दवाओं का संयोजन देखने के लिए छुएँ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>यह पन्ना प्रिंट करें</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>फिर से शुरू करें</translation>
    </message>
    <message>
        <source>The pages listed hold them with others.</source>
        <translation>सूची के पन्नों में ये दवाएँ दूसरी दवाओं के साथ हैं।</translation>
    </message>
    <message>
        <source>Leaving the kiosk is disabled on this screen.</source>
        <translation>इस स्क्रीन पर कियॉस्क से बाहर जाना बंद है।</translation>
    </message>
    <message>
        <source>Wrong PIN, try again</source>
        <translation>गलत PIN, फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Could not print: {0}. Please ask at the desk.</source>
        <translation>प्रिंट नहीं हो सका: {0}। कृपया काउंटर पर पूछें।</translation>
    </message>
    <message>
        <source>Printed 1 page on {1}.</source>
        <translation>{1} पर 1 पन्ना प्रिंट हुआ।</translation>
    </message>
    <message>
        <source>Printed {0} pages on {1}.</source>
        <translation>{1} पर {0} पन्ने प्रिंट हुए।</translation>
    </message>
    <message>
        <source>Choose a medicine: its combinations are listed here.</source>
        <translation>एक दवा चुनें: उसके संयोजन यहाँ दिखेंगे।</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Entry</source>
        <translation>प्रविष्टि</translation>
    </message>
    <message>
        <source>Show problems in the content folder</source>
        <translation>सामग्री फ़ोल्डर की समस्याएँ दिखाएँ</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>पीछे (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>आगे (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>खोजें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find in this entry…</source>
        <translation>इस प्रविष्टि में ढूँढें (&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>बड़े अक्षर (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>छोटे अक्षर (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>सामान्य अक्षर आकार (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें (&amp;P)…</translation>
    </message>
    <message>
        <source>Problems for &amp;authors…</source>
        <translation>लेखकों के लिए समस्याएँ (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF निर्यात करें (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>थीम (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>जाएँ (&amp;G)</translation>
    </message>
    <message>
        <source>Problems for &amp;authors ({0})…</source>
        <translation>लेखकों के लिए समस्याएँ (&amp;A) ({0})…</translation>
    </message>
    <message>
        <source>1 page could not be read — show</source>
        <translation>1 पन्ना पढ़ा नहीं जा सका — दिखाएँ</translation>
    </message>
    <message>
        <source>{0} pages could not be read — show</source>
        <translation>{0} पन्ने पढ़े नहीं जा सके — दिखाएँ</translation>
    </message>
</context>
<context>
    <name>NoResultPanel</name>
    <message>
        <source>No result</source>
        <translation>कोई परिणाम नहीं</translation>
    </message>
    <message>
        <source>Nearest matches</source>
        <translation>सबसे करीबी मिलान</translation>
    </message>
    <message>
        <source>What the search understood</source>
        <translation>खोज ने क्या समझा</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>क्या आपका मतलब था:</translation>
    </message>
    <message>
        <source>Check the spelling, or search for one drug only.</source>
        <translation>वर्तनी जाँचें, या केवल एक दवा खोजें।</translation>
    </message>
    <message>
        <source>Open {0}</source>
        <translation>{0} खोलें</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Did you mean: {0}</source>
        <translation>क्या आपका मतलब था: {0}</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>कोई टिप्पणी नहीं</translation>
    </message>
</context>
<context>
    <name>PinLockout</name>
    <message>
        <source>Wrong PIN. Try again in {0} s</source>
        <translation>गलत PIN। {0} सेकंड बाद फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Wrong PIN, try again</source>
        <translation>गलत PIN, फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Administrator PIN</source>
        <translation>व्यवस्थापक PIN</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Administrator PIN</source>
        <translation>व्यवस्थापक PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>मिटाएँ</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>PIN की पुष्टि करें</translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation>PIN मिटाएँ</translation>
    </message>
    <message>
        <source>Digit {0}</source>
        <translation>अंक {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Problems in the content folder</source>
        <translation>सामग्री फ़ोल्डर की समस्याएँ</translation>
    </message>
    <message>
        <source>Leave the kiosk</source>
        <translation>कियॉस्क से बाहर जाएँ</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>कियॉस्क पर लौटें</translation>
    </message>
    <message>
        <source>{0} problems in the content folder (the public never sees this list):</source>
        <translation>सामग्री फ़ोल्डर में {0} समस्याएँ (यह सूची जनता को कभी नहीं दिखती):</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Export PDF</source>
        <translation>PDF निर्यात करें</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>Print preview — {0}</source>
        <translation>प्रिंट पूर्वावलोकन — {0}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें (&amp;P)…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>प्रिंट करें</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>बंद करें (&amp;C)</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>पूर्वावलोकन बंद करें</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} लिखा नहीं जा सका: {1}</translation>
    </message>
    <message>
        <source>Saved {0} (1 page).</source>
        <translation>{0} सहेजा गया (1 पन्ना)।</translation>
    </message>
    <message>
        <source>Saved {0} ({1} pages).</source>
        <translation>{0} सहेजा गया ({1} पन्ने)।</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>स्रोत: {0}</translation>
    </message>
    <message>
        <source>this page: {0}</source>
        <translation>यह पन्ना: {0}</translation>
    </message>
    <message>
        <source>printed {0}</source>
        <translation>प्रिंट: {0}</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>पन्ना {0} / {1}</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Problems in the content folder</source>
        <translation>सामग्री फ़ोल्डर की समस्याएँ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>समस्याएँ</translation>
    </message>
    <message>
        <source>Problems for the authors of the pages in {0}: errors are pages (or parts) that could not be read, the other pages unaffected; warnings are things an author may want to fix.</source>
        <translation>{0} के पन्नों के लेखकों के लिए समस्याएँ: त्रुटियाँ वे पन्ने (या हिस्से) हैं जो पढ़े नहीं जा सके, बाकी पन्नों पर इसका असर नहीं; चेतावनियाँ वे बातें हैं जिन्हें लेखक ठीक करना चाह सकता है।</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>प्रिंट करें</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>a language model&apos;s refusal or remark about itself</source>
        <translation>भाषा मॉडल का इनकार या अपने बारे में टिप्पणी</translation>
    </message>
    <message>
        <source>placeholder text</source>
        <translation>अधूरा छोड़ा गया पाठ</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>गंभीरता</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>चेतावनी</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>स्रोत</translation>
    </message>
    <message>
        <source>review date</source>
        <translation>समीक्षा की तिथि</translation>
    </message>
    <message>
        <source> or </source>
        <translation> या </translation>
    </message>
    <message>
        <source>This page states no {0}.</source>
        <translation>यह पन्ना {0} नहीं बताता।</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{1} में {0}</translation>
    </message>
    <message>
        <source>Parts of this page are unfinished: {0}.</source>
        <translation>इस पन्ने के कुछ हिस्से अधूरे हैं: {0}।</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>General information only, not medical advice. Always ask a doctor or pharmacist before starting, stopping or combining medicines.</source>
        <translation>केवल सामान्य जानकारी, चिकित्सा सलाह नहीं। कोई दवा शुरू करने, बंद करने या दूसरी दवा के साथ लेने से पहले हमेशा डॉक्टर या फार्मासिस्ट से पूछें।</translation>
    </message>
    <message>
        <source>A missing entry does not mean the combination is safe.</source>
        <translation>प्रविष्टि न होने का मतलब यह नहीं है कि इन दवाओं को साथ लेना सुरक्षित है।</translation>
    </message>
    <message>
        <source>No entry in this reference.</source>
        <translation>इस संदर्भ में कोई प्रविष्टि नहीं है।</translation>
    </message>
    <message>
        <source>No entry for &apos;{query}&apos; in this reference.</source>
        <translation>इस संदर्भ में &apos;{query}&apos; के लिए कोई प्रविष्टि नहीं है।</translation>
    </message>
    <message>
        <source>{name} is not in this reference: no combination with it can be checked here.</source>
        <translation>{name} इस संदर्भ में नहीं है: इसके साथ किसी भी संयोजन की जाँच यहाँ नहीं हो सकती।</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Generic name</source>
        <translation>जेनेरिक नाम</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>उपयोग</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>दुष्प्रभाव</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>क्रियाविधि</translation>
    </message>
    <message>
        <source>FAQs</source>
        <translation>सामान्य प्रश्न</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>खुराक</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>चेतावनियाँ</translation>
    </message>
    <message>
        <source>Warnings and precautions</source>
        <translation>चेतावनियाँ और सावधानियाँ</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>पारस्परिक प्रभाव</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>गर्भावस्था</translation>
    </message>
    <message>
        <source>Pregnancy and breastfeeding</source>
        <translation>गर्भावस्था और स्तनपान</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>अन्य नाम</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>अस्वीकरण</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>More</source>
        <translation>और</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Contraindicated</source>
        <translation>वर्जित</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>गंभीर</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>मध्यम</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>मामूली</translation>
    </message>
    <message>
        <source>Contraind.</source>
        <translation>वर्जित</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <source>This page states no severity.</source>
        <translation>यह पन्ना गंभीरता नहीं बताता।</translation>
    </message>
    <message>
        <source>Severity {0}.</source>
        <translation>गंभीरता: {0}।</translation>
    </message>
    <message>
        <source>1 pair listed.</source>
        <translation>1 जोड़ी सूची में है।</translation>
    </message>
    <message>
        <source>{0} pairs listed.</source>
        <translation>{0} जोड़ियाँ सूची में हैं।</translation>
    </message>
    <message>
        <source>1 combination listed.</source>
        <translation>1 संयोजन सूची में है।</translation>
    </message>
    <message>
        <source>{0} combinations listed.</source>
        <translation>{0} संयोजन सूची में हैं।</translation>
    </message>
    <message>
        <source>Searching the text…</source>
        <translation>पाठ में खोज जारी…</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the system</source>
        <translation>सिस्टम के अनुसार</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>हल्का</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>गहरा</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>उच्च कंट्रास्ट</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome</source>
        <translation>स्वागत</translation>
    </message>
    <message>
        <source>Entries loaded</source>
        <translation>लोड की गई प्रविष्टियाँ</translation>
    </message>
    <message>
        <source>&lt;p&gt;Type one or two drug names in the search box: the order does not matter, and the first letters are enough (&lt;i&gt;sert clon&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Down&lt;/b&gt; moves into the list, &lt;b&gt;Enter&lt;/b&gt; opens an entry, &lt;b&gt;Esc&lt;/b&gt; clears the search, &lt;b&gt;Ctrl+L&lt;/b&gt; returns to the search box from anywhere. &lt;b&gt;Alt+Left&lt;/b&gt; and &lt;b&gt;Alt+Right&lt;/b&gt; go back and forward.&lt;/p&gt;</source>
        <translation>&lt;p&gt;खोज बॉक्स में एक या दो दवाओं के नाम लिखें: क्रम से फ़र्क नहीं पड़ता, और नाम के पहले कुछ अक्षर काफ़ी हैं (&lt;i&gt;sert clon&lt;/i&gt;)।&lt;/p&gt;&lt;p&gt;&lt;b&gt;Down&lt;/b&gt; सूची में ले जाता है, &lt;b&gt;Enter&lt;/b&gt; प्रविष्टि खोलता है, &lt;b&gt;Esc&lt;/b&gt; खोज मिटाता है, &lt;b&gt;Ctrl+L&lt;/b&gt; कहीं से भी खोज बॉक्स पर लौटाता है। &lt;b&gt;Alt+Left&lt;/b&gt; और &lt;b&gt;Alt+Right&lt;/b&gt; पीछे और आगे ले जाते हैं।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>कैसे खोजें</translation>
    </message>
    <message>
        <source>1 combination entry loaded from {1}.</source>
        <translation>{1} से 1 संयोजन प्रविष्टि लोड हुई।</translation>
    </message>
    <message>
        <source>{0} combination entries loaded from {1}.</source>
        <translation>{1} से {0} संयोजन प्रविष्टियाँ लोड हुईं।</translation>
    </message>
</context>
</TS>
